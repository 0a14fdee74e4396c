public enum JMESPathPlaceholder {}
