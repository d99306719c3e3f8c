# tests/container/container.mk: the container test, included from the main Makefile.
#   make container-test    build docker/Dockerfile with rootful podman and check the image
#                          serves (root; installs podman, debootstrap, runc when missing)
#   make container-clean   delete the container test's cache (base tarball, build cache)
#   make fresh-machine-test  `make test` and `make run` in a clean clone on bare bookworm
# CONTAINER_CACHE moves the cache (default /var/cache/bordercoop-container, outside the clone).

CONTAINER_CACHE ?= /var/cache/bordercoop-container

.PHONY: container-test container-clean fresh-machine-test

container-test:
	BORDERCOOP_CONTAINER_CACHE=$(CONTAINER_CACHE) bash tests/container/container-test.sh

container-clean:
	BORDERCOOP_CONTAINER_CACHE=$(CONTAINER_CACHE) bash tests/container/container-test.sh --clean

# the README's two commands on a fresh Debian 12 (a bookworm container with only
# build-essential, git and curl): make test passes, make run serves; ~5-10 min
fresh-machine-test:
	BORDERCOOP_CONTAINER_CACHE=$(CONTAINER_CACHE) bash tests/container/container-test.sh --fresh-machine
