/* Unit tests of the kept diagnostics (core/report_keep.c): what a thread
 * keeps is said later in its order, with copies of its strings, and a
 * reporter without a callback hears nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/report.h"

/* What a reporter heard, one line a diagnostic. */
typedef struct heard {
    char text[512];
    size_t count;
} heard;

static void hear(void *user, const bayan_diagnostic *d)
{
    heard *h = user;
    size_t n = strlen(h->text);
    snprintf(h->text + n, sizeof h->text - n, "%d %d %s %lld %s\n",
             (int)d->severity, (int)d->status, d->file ? d->file : "-",
             d->offset, d->message);
    h->count++;
}

static void test_replayed_in_order(void **state)
{
    (void)state;
    kept_reports k = {NULL, 0, 0};
    reporter keep = kept_reporter(&k);
    char file[] = "a.txt";
    for (int i = 0; i < 5; i++)
        report(&keep, BAYAN_WARNING, BAYAN_OK, i % 2 ? NULL : file, i,
               "message %d", i);
    file[0] = 'b'; /* the kept diagnostics hold their own copies */
    heard h = {{0}, 0};
    reporter to = {hear, &h};
    kept_replay(&k, &to);
    assert_int_equal(h.count, 5);
    assert_string_equal(h.text, "1 0 a.txt 0 message 0\n"
                                "1 0 - 1 message 1\n"
                                "1 0 a.txt 2 message 2\n"
                                "1 0 - 3 message 3\n"
                                "1 0 a.txt 4 message 4\n");
    kept_replay(&k, NULL); /* nobody to tell: nothing happens */
    kept_replay(&k, &(reporter){NULL, NULL});
    kept_clear(&k);
    assert_int_equal(k.count, 0);
    assert_null(k.items);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_replayed_in_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
