# tests/container/container.mk: the container test, included from the main Makefile.
#   make container-test    build docker/Dockerfile with rootful podman and check the image
#                          serves (root; installs podman, debootstrap, runc when missing)
#   make container-clean   delete the container test's cache (base tarball, build cache)
# CONTAINER_CACHE moves the cache (default /var/cache/bordercoop-container, outside the clone).

CONTAINER_CACHE ?= /var/cache/bordercoop-container

.PHONY: container-test container-clean

container-test:
	BORDERCOOP_CONTAINER_CACHE=$(CONTAINER_CACHE) bash tests/container/container-test.sh

container-clean:
	BORDERCOOP_CONTAINER_CACHE=$(CONTAINER_CACHE) bash tests/container/container-test.sh --clean
