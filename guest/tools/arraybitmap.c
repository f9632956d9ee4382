// SPDX-License-Identifier: GPL-2.0
/*
 * arraybitmap DEV on|off
 *
 * Add (on) or remove (off) the internal bitmap of the md array DEV with
 * SET_ARRAY_INFO, the way mdadm does when bitmap/location cannot be
 * written: GET_ARRAY_INFO, MD_SB_BITMAP_PRESENT set or cleared,
 * SET_ARRAY_INFO.  Exits 0 on success; otherwise prints the ioctl's error.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <linux/major.h>
#include <linux/raid/md_p.h>
#include <linux/raid/md_u.h>

int main(int argc, char **argv)
{
	mdu_array_info_t info;
	int fd;

	if (argc != 3 || (strcmp(argv[2], "on") && strcmp(argv[2], "off"))) {
		fprintf(stderr, "usage: arraybitmap DEV on|off\n");
		return 2;
	}
	fd = open(argv[1], O_RDONLY);
	if (fd < 0) {
		perror(argv[1]);
		return 1;
	}
	if (ioctl(fd, GET_ARRAY_INFO, &info) < 0) {
		perror("GET_ARRAY_INFO");
		return 1;
	}
	if (!strcmp(argv[2], "on"))
		info.state |= 1 << MD_SB_BITMAP_PRESENT;
	else
		info.state &= ~(1 << MD_SB_BITMAP_PRESENT);
	if (ioctl(fd, SET_ARRAY_INFO, &info) < 0) {
		fprintf(stderr, "SET_ARRAY_INFO: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}
