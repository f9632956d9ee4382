// SPDX-License-Identifier: GPL-2.0
/*
 * stophold DEV SECONDS
 *
 * Stop the md array DEV with STOP_ARRAY on a descriptor of our own, then
 * keep that descriptor open for SECONDS: the stopped array's gendisk stays
 * referenced meanwhile, as it does for any process that stops an array and
 * does not close the device at once.  Prints "stopped" when the ioctl has
 * returned.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <linux/major.h>
#include <linux/raid/md_u.h>

int main(int argc, char **argv)
{
	int fd;

	if (argc != 3) {
		fprintf(stderr, "usage: stophold DEV SECONDS\n");
		return 2;
	}
	fd = open(argv[1], O_RDONLY);
	if (fd < 0) {
		perror(argv[1]);
		return 1;
	}
	if (ioctl(fd, STOP_ARRAY, NULL) < 0) {
		perror("STOP_ARRAY");
		return 1;
	}
	printf("stopped\n");
	fflush(stdout);
	sleep(atoi(argv[2]));
	close(fd);
	return 0;
}
