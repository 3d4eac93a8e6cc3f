"""The supervisor's satisfaction report page: rates per group, chart, reasons, exports."""
