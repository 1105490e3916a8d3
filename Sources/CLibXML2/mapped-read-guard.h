// Turns the SIGBUS of a read from a memory-mapped input file that another process truncated while
// orgscope was reading it into a clear error and an exit status of the caller's choosing, instead of a
// crash. Reports are written only after the import, so nothing is half-written either way.
//
// Up to ORGSCOPE_GUARDED_MAPPINGS mappings are guarded at once (one per file imported on split parts).
// Each slot holds its message, formatted when the file was mapped, and its exit status: the handler
// only reads the table and calls write(2) and _exit(2), which are async-signal-safe; a SIGBUS at any
// other address gets the default action.
#ifndef ORGSCOPE_MAPPED_READ_GUARD_H
#define ORGSCOPE_MAPPED_READ_GUARD_H

#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#define ORGSCOPE_GUARDED_MAPPINGS 64
#define ORGSCOPE_GUARD_MESSAGE 1024

typedef struct {
    const char *volatile base;
    size_t size;
    size_t length;
    int exit_status;
    char message[ORGSCOPE_GUARD_MESSAGE];
} orgscope_guarded_mapping;

// The table lives in a function (Swift emits the functions of an imported header, not its variables).
static orgscope_guarded_mapping *orgscope_guard_table(void) {
    static orgscope_guarded_mapping table[ORGSCOPE_GUARDED_MAPPINGS];
    return table;
}

static pthread_mutex_t *orgscope_guard_lock(void) {
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    return &lock;
}

static void orgscope_sigbus(int signal_number, siginfo_t *info, void *context) {
    (void)context;
    const char *address = info != NULL ? (const char *)info->si_addr : NULL;
    orgscope_guarded_mapping *orgscope_guarded = orgscope_guard_table();
    for (int slot = 0; address != NULL && slot < ORGSCOPE_GUARDED_MAPPINGS; slot++) {
        const char *base = orgscope_guarded[slot].base;
        if (base != NULL && address >= base && address < base + orgscope_guarded[slot].size) {
            ssize_t ignored = write(STDERR_FILENO, orgscope_guarded[slot].message, orgscope_guarded[slot].length);
            (void)ignored;
            _exit(orgscope_guarded[slot].exit_status);
        }
    }
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigaction(signal_number, &fallback, NULL);
    raise(signal_number);
}

/// Guards reads from [base, base + size): a SIGBUS there writes `message` (at most
/// ORGSCOPE_GUARD_MESSAGE - 1 bytes) to stderr and exits with `exit_status`. Returns the slot to pass
/// to orgscope_unguard_mapping, or -1 when every slot is taken (the reads are then unguarded, as before).
static inline int orgscope_guard_mapping(const void *base, size_t size, const char *message, int exit_status) {
    static int installed = 0;
    orgscope_guarded_mapping *orgscope_guarded = orgscope_guard_table();
    pthread_mutex_lock(orgscope_guard_lock());
    if (!installed) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = orgscope_sigbus;
        action.sa_flags = SA_SIGINFO;
        sigemptyset(&action.sa_mask);
        sigaction(SIGBUS, &action, NULL);
        installed = 1;
    }
    int found = -1;
    for (int slot = 0; slot < ORGSCOPE_GUARDED_MAPPINGS; slot++) {
        if (orgscope_guarded[slot].base == NULL) {
            size_t length = strlen(message);
            if (length >= ORGSCOPE_GUARD_MESSAGE) length = ORGSCOPE_GUARD_MESSAGE - 1;
            memcpy(orgscope_guarded[slot].message, message, length);
            orgscope_guarded[slot].message[length] = 0;
            orgscope_guarded[slot].length = length;
            orgscope_guarded[slot].exit_status = exit_status;
            orgscope_guarded[slot].size = size;
            __atomic_store_n(&orgscope_guarded[slot].base, (const char *)base, __ATOMIC_RELEASE);
            found = slot;
            break;
        }
    }
    pthread_mutex_unlock(orgscope_guard_lock());
    return found;
}

/// Stops guarding the mapping of `slot` (before it is unmapped).
static inline void orgscope_unguard_mapping(int slot) {
    if (slot < 0 || slot >= ORGSCOPE_GUARDED_MAPPINGS) return;
    pthread_mutex_lock(orgscope_guard_lock());
    __atomic_store_n(&orgscope_guard_table()[slot].base, (const char *)NULL, __ATOMIC_RELEASE);
    pthread_mutex_unlock(orgscope_guard_lock());
}

#endif
