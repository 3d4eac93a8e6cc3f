"""The supervisor's dossier reports page (Báo cáo hồ sơ)."""
