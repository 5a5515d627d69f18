"""Shared pytest setup: Sage must be initialised before any deep Sage import."""
import sage_tropnet  # noqa: F401
