/* Moves a process's wall clock ahead by ECSLAB_TEST_WALL_CLOCK_AHEAD seconds,
 * and nothing else: loaded with LD_PRELOAD, it answers clock_gettime for the
 * realtime clocks, gettimeofday and time with the real time plus the offset.
 *
 * faketime does the same and more: it also shifts absolute timers on the
 * monotonic clocks by its offset, so on a machine up for less than that
 * offset every timer a Swift program arms (each Task.sleep, each waiter's
 * pause) is refused, and the program sleeps for ever. This clock leaves
 * timers alone.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>

static long ahead(void) {
    const char *seconds = getenv("ECSLAB_TEST_WALL_CLOCK_AHEAD");
    return seconds ? atol(seconds) : 0;
}

int clock_gettime(clockid_t clock, struct timespec *now) {
    static int (*real)(clockid_t, struct timespec *);
    if (!real) real = (int (*)(clockid_t, struct timespec *))dlsym(RTLD_NEXT, "clock_gettime");
    int result = real(clock, now);
    if (result == 0 && now && (clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE)) now->tv_sec += ahead();
    return result;
}

int gettimeofday(struct timeval *now, void *zone) {
    static int (*real)(struct timeval *, void *);
    if (!real) real = (int (*)(struct timeval *, void *))dlsym(RTLD_NEXT, "gettimeofday");
    int result = real(now, zone);
    if (result == 0 && now) now->tv_sec += ahead();
    return result;
}

time_t time(time_t *now) {
    struct timespec spec;
    clock_gettime(CLOCK_REALTIME, &spec);
    if (now) *now = spec.tv_sec;
    return spec.tv_sec;
}
