// SPDX-License-Identifier: GPL-2.0
/*
 * failnth N FILE VALUE
 *
 * Write VALUE to FILE with the N-th fault-injection point met by this task
 * set to fail (/proc/thread-self/fail-nth, see
 * Documentation/fault-injection/fault-injection.rst), so that nothing but
 * the write itself is counted.  Prints "injected=0|1 errno=E".
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char left[32] = "";
	int fd, nth, err = 0;
	ssize_t n;

	if (argc != 4) {
		fprintf(stderr, "usage: failnth N FILE VALUE\n");
		return 2;
	}
	fd = open(argv[2], O_WRONLY);
	nth = open("/proc/thread-self/fail-nth", O_RDWR);
	if (fd < 0 || nth < 0) {
		perror("open");
		return 2;
	}
	if (write(nth, argv[1], strlen(argv[1])) < 0) {
		perror("fail-nth");
		return 2;
	}
	if (write(fd, argv[3], strlen(argv[3])) < 0)
		err = errno;
	/* Reading fail-nth allocates nothing; 0 means the fault was injected. */
	n = pread(nth, left, sizeof(left) - 1, 0);
	if (n <= 0 || write(nth, "0", 1) < 0) {
		perror("fail-nth");
		return 2;
	}
	left[n] = '\0';
	printf("injected=%d errno=%d\n", atoi(left) == 0, err);
	return 0;
}
