// SPDX-License-Identifier: GPL-2.0
/*
 * iobench now
 * iobench randwrite|randread|seqwrite DEV BS COUNT
 *
 * "now" prints CLOCK_MONOTONIC in nanoseconds.  The others do COUNT
 * direct (O_DIRECT) IOs of BS bytes on DEV, at pseudo-random BS-aligned
 * offsets (the same ones on every run) or one after the other, and print
 * the nanoseconds they took.  /proc/uptime's 10 ms steps are too coarse.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	uint64_t start, seed = 88172645463325252ULL, blocks;
	long bs, count, i;
	int fd, rnd, rd;
	void *buf;

	if (argc == 2 && !strcmp(argv[1], "now")) {
		printf("%llu\n", (unsigned long long)now_ns());
		return 0;
	}
	if (argc != 5) {
		fprintf(stderr, "usage: iobench now | randwrite|randread|seqwrite DEV BS COUNT\n");
		return 2;
	}
	rnd = strncmp(argv[1], "rand", 4) == 0;
	rd = strcmp(argv[1], "randread") == 0;
	bs = atol(argv[3]);
	count = atol(argv[4]);
	fd = open(argv[2], (rd ? O_RDONLY : O_WRONLY) | O_DIRECT);
	if (fd < 0 || bs <= 0 || posix_memalign(&buf, 4096, bs)) {
		perror(argv[2]);
		return 2;
	}
	memset(buf, 0x5a, bs);
	blocks = lseek(fd, 0, SEEK_END) / bs;
	if (!blocks) {
		fprintf(stderr, "%s: smaller than one block\n", argv[2]);
		return 2;
	}
	start = now_ns();
	for (i = 0; i < count; i++) {
		off_t off;

		/* xorshift64: the same offsets on every run and kernel */
		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		off = (off_t)((rnd ? seed : (uint64_t)i) % blocks) * bs;
		if ((rd ? pread(fd, buf, bs, off) : pwrite(fd, buf, bs, off)) != bs) {
			perror(argv[1]);
			return 1;
		}
	}
	printf("%llu\n", (unsigned long long)(now_ns() - start));
	return 0;
}
