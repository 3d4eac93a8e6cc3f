"""Printing: data in, bytes out (receipt PDFs, thermal tickets, QR codes and barcodes)."""
