# tests/scale/scale.mk: the scale-out demo, included from the main Makefile.
#   make scale-demo    three bordercoopd replicas behind nginx, 3000 GETs, one replica
#                      SIGKILLed in the middle; fails if any request did not get a 2xx
#   make test-scale    the same with 600 requests over ~4 s (for CI)
# Loopback only, under a minute; needs nginx (nginx-light, installed by `make bench-deps`).
# SCALE_REQUESTS, SCALE_CLIENTS, SCALE_SECONDS, SCALE_KILL_AT, SCALE_KEEP tune the script
# (tests/scale/scale-demo.sh); see docs/scaling.md.

.PHONY: scale-demo test-scale

# SCALE_* given on the command line reach the script through the environment (make
# exports command-line variables); its defaults are its own
scale-demo: deps bench-deps
	@$(MAKE) --no-print-directory build
	bash tests/scale/scale-demo.sh $(BIN)

test-scale:
	@$(MAKE) --no-print-directory scale-demo SCALE_REQUESTS=600 SCALE_SECONDS=4
