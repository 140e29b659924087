"""Caps that keep one hostile or huge file from taking the run down (zip bombs, 500-page PDFs)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Limits(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    max_file_bytes: int = 200 * 1024 * 1024
    # total uncompressed bytes read from the zip members of one .docx
    max_uncompressed_bytes: int = 150 * 1024 * 1024
    # a member whose compression ratio is above this is treated as a zip bomb
    max_compression_ratio: int = 200
    max_pages: int = 300
