#ifndef ECSLAB_CEDITLINE_SHIM_H
#define ECSLAB_CEDITLINE_SHIM_H

// editline/readline.h uses FILE without including stdio.h itself.
#include <stdio.h>
#include <histedit.h>

// el_set, el_get and history are C variadic functions, which Swift cannot
// call: each typed wrapper below pins down one use.

// stdin, stdout and stderr are C globals that Swift 6 refuses to touch.
static inline EditLine *ecslab_el_init_stdio(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

static inline int ecslab_el_set_string(EditLine *el, int op, const char *value) {
    return el_set(el, op, value);
}

static inline int ecslab_el_set_int(EditLine *el, int op, int value) {
    return el_set(el, op, value);
}

typedef char *(*ecslab_el_prompt_fn)(EditLine *);

static inline int ecslab_el_set_prompt(EditLine *el, ecslab_el_prompt_fn prompt) {
    return el_set(el, EL_PROMPT, prompt);
}

// EL_HIST takes the history function and its History: the parameter must
// not be called `history`, or it would hide the function.
static inline int ecslab_el_set_history(EditLine *el, History *list) {
    return el_set(el, EL_HIST, history, list);
}

static inline int ecslab_el_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *ecslab_el_get_client_data(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}

typedef unsigned char (*ecslab_el_function)(EditLine *, int);

static inline int ecslab_el_add_function(EditLine *el, const char *name, const char *help, ecslab_el_function fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

static inline int ecslab_el_bind(EditLine *el, const char *key, const char *name) {
    return el_set(el, EL_BIND, key, name, NULL);
}

static inline int ecslab_history_set_size(History *h, HistEvent *ev, int size) {
    return history(h, ev, H_SETSIZE, size);
}

static inline int ecslab_history_set_unique(History *h, HistEvent *ev, int unique) {
    return history(h, ev, H_SETUNIQUE, unique);
}

static inline int ecslab_history_enter(History *h, HistEvent *ev, const char *line) {
    return history(h, ev, H_ENTER, line);
}

static inline int ecslab_history_load(History *h, HistEvent *ev, const char *path) {
    return history(h, ev, H_LOAD, path);
}

static inline int ecslab_history_save(History *h, HistEvent *ev, const char *path) {
    return history(h, ev, H_SAVE, path);
}

#endif
