"""The display board's voice: what a call says (phrases), the recorded clips that say it (clips),
both pure Python, and the speech-engine host run as a child process (tts_host, Qt)."""
