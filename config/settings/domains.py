"""The platform's own limits and names, per domain, read from the environment with their embedded defaults."""

from pathlib import Path


def settings(env, base_dir):
    BASE_DIR = base_dir  # noqa: N806 — the names below are Django settings
    VIDEO_MAX_UPLOAD_BYTES = int(env.get("VIDEO_MAX_UPLOAD_BYTES", str(2 * 1024**3)))
    VIDEO_MAX_DURATION_SECONDS = int(env.get("VIDEO_MAX_DURATION_SECONDS", str(4 * 3600)))
    VIDEO_MAX_DIMENSION = 4096
    # Conversions work here, on the worker's own disk; the sweeper deletes what killed workers leave. One folder per
    # installation: the sweeper of one database must not judge another's folders.
    VIDEO_SCRATCH_DIR = Path(env.get("VIDEO_SCRATCH_DIR", BASE_DIR / "var" / "video-scratch"))
    # The domain in the UIDs of calendar events: keep it stable, calendar apps match events by UID.
    SEMINAR_UID_DOMAIN = env.get("SEMINAR_UID_DOMAIN", "tadrib.dz")
    # Browser uploads arrive in pieces of this size (S3 parts are at least 5 MiB), and are forgotten after a day;
    # a finished upload that no video took within two hours goes too. Each trainer holds a few at a time.
    VIDEO_UPLOAD_CHUNK_BYTES = int(env.get("VIDEO_UPLOAD_CHUNK_BYTES", str(8 * 1024**2)))
    VIDEO_UPLOAD_EXPIRY_HOURS = 24
    VIDEO_UPLOAD_UNCLAIMED_HOURS = 2
    VIDEO_UPLOADS_OPEN_PER_USER = 5
    # Open Badges credentials: the Ed25519 signing keys as a JSON Web Key Set (first key signs, all verify), given
    # whole in CREDENTIAL_KEYS (scale-out) or kept in a file (embedded: `manage.py credential_keys --create`).
    CREDENTIAL_KEYS = env.get("CREDENTIAL_KEYS", "")
    CREDENTIAL_KEYS_FILE = Path(env.get("CREDENTIAL_KEYS_FILE", BASE_DIR / "var" / "credential-keys.json"))
    # Checks of certificates on the public verification page, per client address and minute.
    CERTIFICATE_VERIFICATIONS_PER_MINUTE = int(env.get("CERTIFICATE_VERIFICATIONS_PER_MINUTE", "30"))
    CREDENTIAL_STATUS_LIST_SIZE = 131_072  # bits per revocation list: 16 KB, the Bitstring Status List minimum

    # The installable app (offline/): a name for this release. The service worker's version is a hash of what it
    # precaches, so a deployment that changes an asset updates every installed app by itself; changing this name
    # makes them update even when no precached file changed.
    OFFLINE_SHELL_RELEASE = env.get("OFFLINE_SHELL_RELEASE", "")
    return {
        "VIDEO_MAX_UPLOAD_BYTES": VIDEO_MAX_UPLOAD_BYTES,
        "VIDEO_MAX_DURATION_SECONDS": VIDEO_MAX_DURATION_SECONDS,
        "VIDEO_MAX_DIMENSION": VIDEO_MAX_DIMENSION,
        "VIDEO_SCRATCH_DIR": VIDEO_SCRATCH_DIR,
        "SEMINAR_UID_DOMAIN": SEMINAR_UID_DOMAIN,
        "VIDEO_UPLOAD_CHUNK_BYTES": VIDEO_UPLOAD_CHUNK_BYTES,
        "VIDEO_UPLOAD_EXPIRY_HOURS": VIDEO_UPLOAD_EXPIRY_HOURS,
        "VIDEO_UPLOAD_UNCLAIMED_HOURS": VIDEO_UPLOAD_UNCLAIMED_HOURS,
        "VIDEO_UPLOADS_OPEN_PER_USER": VIDEO_UPLOADS_OPEN_PER_USER,
        "CREDENTIAL_KEYS": CREDENTIAL_KEYS,
        "CREDENTIAL_KEYS_FILE": CREDENTIAL_KEYS_FILE,
        "CERTIFICATE_VERIFICATIONS_PER_MINUTE": CERTIFICATE_VERIFICATIONS_PER_MINUTE,
        "CREDENTIAL_STATUS_LIST_SIZE": CREDENTIAL_STATUS_LIST_SIZE,
        "OFFLINE_SHELL_RELEASE": OFFLINE_SHELL_RELEASE,
    }
