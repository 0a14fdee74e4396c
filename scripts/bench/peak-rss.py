"""Runs a command and writes its peak resident memory, in KiB, to a file:
the largest of the process and whatever it waited for, as the kernel counts
it (getrusage's ru_maxrss of the children).

    python peak-rss.py OUT-FILE COMMAND [ARGUMENTS...]

The command's output and exit status pass through unchanged.
"""

import resource
import subprocess
import sys


def main():
    out, command = sys.argv[1], sys.argv[2:]
    status = subprocess.run(command).returncode
    with open(out, "w") as file:
        file.write(f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\n")
    sys.exit(status)


if __name__ == "__main__":
    main()
