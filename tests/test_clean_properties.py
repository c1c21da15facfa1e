"""Property: whatever lines a batch holds, each ends up in the body or removed with a reason."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wirecheck.clean import clean_documents
from wirecheck.model import RawDocument
from wirecheck.settings.clean import CleanSettings

SETTINGS = CleanSettings()


LINES = st.sampled_from([
    "Share this article", "Read more", "Next Article", "Key points", "• A point restated.",
    "By Lena Hart", "Published: March 4, 2025", "#grain #ports", "© 2025 Harbour Bulletin.",
    "The port authority said shipments had doubled since the terminal opened in March.",
    "Farmers warned that rail capacity remained too small for the harvest this year.",
    "Ada Morrow, left, speaks in Veloria, Friday, March 7, 2025. (Harbor Photo/I. Vale)",
    "", "   ", "Veloria grain exports double",
])


@given(st.lists(st.lists(LINES, max_size=14), min_size=1, max_size=4))
def test_every_line_ends_up_in_the_body_or_removed_with_a_reason(batch: list[list[str]]) -> None:
    docs = [RawDocument(source=f"mem://{i}", text="\n".join(x)) for i, x in enumerate(batch)]
    for doc, article in zip(docs, clean_documents(docs, SETTINGS), strict=True):
        removed = [r.text for r in article.removed]
        assert all(r.reason and r.rule for r in article.removed)
        for line in (x.strip() for x in doc.text.splitlines() if x.strip()):
            cut = [r for r in removed if line.startswith(r) and line[len(r) :] in article.body]
            assert line in article.body or line in removed or cut, line
