"""Tổng quan: today's figures for supervisors, and the queue report."""
