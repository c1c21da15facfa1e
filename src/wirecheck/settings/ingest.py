"""Settings of the ingest stage. Each threshold says how it was chosen."""

from __future__ import annotations

from pydantic import BaseModel, Field


class IngestSettings(BaseModel):
    # Largest single input (file, URL body or decompressed .gz) we read. News articles are
    # 2-50 KB of text and saved HTML pages rarely exceed 3 MB; WARC/JSONL batches are larger,
    # so the cap sits well above one page but below what would exhaust memory on a small box.
    max_bytes: int = 20 * 1024 * 1024
    # Largest member of a WARC file or archive we keep (one HTML page); a page larger than
    # this is almost always a binary or a media payload mislabelled as text/html.
    max_record_bytes: int = 5 * 1024 * 1024
    # Binary sniffing: share of NUL bytes in the first `sniff_bytes` above which a file is
    # rejected as binary. UTF-16 text has ~50% NULs but is caught earlier by its BOM or by
    # the alternating-NUL pattern; plain text in any 8-bit encoding has none, so 10% keeps a
    # wide margin for a few stray NULs (seen in scraped text) while rejecting executables,
    # images and archives (typically 20-60% NULs in their first 4 KiB).
    sniff_bytes: int = 4096
    max_nul_ratio: float = 0.10
    # Share of undecodable characters (after charset detection) above which a file is
    # rejected as not text; 5% tolerates a few broken bytes in an otherwise good file.
    max_replacement_ratio: float = 0.05
    # JSON Lines: which keys hold each field; the first key present wins. Defaults cover
    # common crawl/export dumps (news-please, CommonCrawl news, Media Cloud).
    jsonl_text_fields: list[str] = Field(default_factory=lambda: ["text", "body", "content"])
    jsonl_title_fields: list[str] = Field(default_factory=lambda: ["title", "headline"])
    jsonl_url_fields: list[str] = Field(default_factory=lambda: ["url", "link"])
    jsonl_date_fields: list[str] = Field(
        default_factory=lambda: ["date", "published", "date_publish", "publish_date"]
    )
    jsonl_outlet_fields: list[str] = Field(
        default_factory=lambda: ["outlet", "source", "site_name", "source_domain", "publisher"]
    )
    jsonl_html_fields: list[str] = Field(default_factory=lambda: ["html", "raw_html"])
    # Fewer characters than this of extracted text means "no article here" (a page of
    # navigation only); 1 sentence of news is ~100 characters.
    min_text_chars: int = 1
    # HTML nesting depth named in the error when a page yields no text: libxml2 (under lxml
    # and trafilatura) stops building the tree at 256 levels, so deeper content is lost.
    # Real news pages nest < 60 levels; only hostile or broken pages pass this.
    max_html_depth: int = 255
    # URLs: per-request timeout (connect/read, seconds) and redirects. 20 s covers slow news
    # sites on a normal link; more than 5 redirects is a loop or a tracker chain.
    url_timeout_s: float = 20.0
    url_max_redirects: int = 5
    user_agent: str = "wirecheck/0.1 (+https://github.com/wirecheck)"
    # Ingest commits to the workspace every `batch_size` articles, so a killed process
    # loses at most one batch (re-done on the next run). 200 keeps commits < 5% of ingest
    # time on the 10,000-article bench corpus while bounding lost work.
    batch_size: int = 200
    # Directory walk: follow symlinked directories (loops are detected by inode).
    follow_symlinks: bool = True
    # Directory walk: skip hidden files/dirs (".git", ".DS_Store").
    skip_hidden: bool = True
