# Tadrib: `make run` starts the demo site, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SYSTEM_PACKAGES := ffmpeg fonts-noto-core gettext libpango-1.0-0 libpangoft2-1.0-0
TEST_SYSTEM_PACKAGES := $(SYSTEM_PACKAGES) chromium poppler-utils
BENCH_SYSTEM_PACKAGES := wrk

.PHONY: run test check bench messages sysdeps sysdeps-test clean

run: sysdeps $(VENV)/.installed node_modules/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py credential_keys --create
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py seed_demo
	$(PY) manage.py add_sound_files
	@echo "Tadrib runs on http://127.0.0.1:8000/ (Ctrl-C stops the web server and the worker)"
	$(VENV)/bin/honcho start

test: sysdeps-test $(VENV)/.installed-dev node_modules/.installed check
	$(PY) -m pytest $(PYTEST_ARGS)

check: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run

bench: $(VENV)/.installed-dev
	@$(call apt_install,$(BENCH_SYSTEM_PACKAGES))
	$(PY) -m bench.run
	$(PY) -m bench.video
	$(PY) -m bench.quiz
	$(PY) -m bench.certificates
	$(PY) -m bench.paint
	$(PY) -m bench.slow_link

# Rebuild the translation catalogues after changing strings, then translate and run `make messages` again.
messages: $(VENV)/.installed
	$(PY) manage.py makemessages --locale ar --locale fr --ignore '.venv/*' --ignore 'var/*' --ignore 'tests/*' --ignore 'bench/*' --ignore 'node_modules/*' --no-obsolete
	$(PY) manage.py compilemessages --ignore '.venv/*' --ignore 'node_modules/*'

sysdeps:
	@$(call apt_install,$(SYSTEM_PACKAGES))

sysdeps-test:
	@$(call apt_install,$(TEST_SYSTEM_PACKAGES))

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

# hls.js for the video player, jsQR, Workbox for the installable app; without npm the player falls back to the MP4.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "npm is missing: the video player will play the MP4 instead of adaptive HLS, and there is no offline app"; fi

clean:
	rm -rf $(VENV) var test-artifacts node_modules

# Install the Debian packages that are missing, when this machine can (root or password-less sudo).
define apt_install
	missing=""; \
	if command -v dpkg >/dev/null 2>&1; then \
		for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	fi; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then sudo=""; \
		elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; \
		else echo "Please install these system packages:$$missing"; exit 0; fi; \
		echo "Installing system packages:$$missing"; \
		$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
endef
