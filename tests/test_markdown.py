"""Markdown dumps: firecrawl search pages and trending-page dumps."""

from __future__ import annotations

import datetime

import pytest

import paperlist
from conftest import MARKDOWN_TODAY, SEARCH_HEAD, SEARCH_TAIL, TRENDING
from paperlist._markup import without_inline_html


@pytest.fixture(scope="module")
def head() -> paperlist.Listing:
    return paperlist.load(SEARCH_HEAD, today=MARKDOWN_TODAY, strict=True)


def test_search_head_figures(head: paperlist.Listing) -> None:
    """The head sample gives 12 papers; the first card as the issue describes it."""
    assert len(head) == 12
    first = head[0]
    assert first.title == "OCC-RAG: Optimal Cognitive Core for Faithful Question Answering"
    assert first.arxiv_id == "2606.00683"
    assert first.upvotes == 101
    assert first.organization == "OCC"
    assert first.published == datetime.date(2026, 5, 29)
    assert first.comments == 6
    assert first.author_count is None


def test_search_head_hard_wrapped_card(head: paperlist.Listing) -> None:
    """'[-]' is 0 upvotes, avatar bullets end in '3 authors', '\\  ' wraps join."""
    paper = next(paper for paper in head if paper.arxiv_id == "2502.20581")
    assert paper.upvotes == 0
    assert paper.author_count == 3
    assert paper.title == (
        "The Noisy Path from Source to Citation: Measuring How Scholars Engage with Past Research"
    )
    assert paper.abstract is not None
    assert paper.abstract.startswith(
        "Academic citations are widely used for evaluating research and tracing knowledge flows."
    )
    assert "\\" not in paper.abstract
    assert paper.abstract.endswith("and the potential for distortion of evidence.")
    assert paper.published == datetime.date(2025, 2, 27)
    assert paper.comments is None


def test_search_head_page_and_other_cards(head: paperlist.Listing) -> None:
    """Page title and date label; spaced comment counts; repository links in abstracts."""
    assert (head.title, head.date) == ("Daily Papers", datetime.date(2026, 10, 2))
    assert head[1].organization == "Carnegie Mellon University"
    assert (head[1].upvotes, head[1].published, head[1].comments) == (
        173,
        datetime.date(2026, 9, 9),
        9,
    )
    assert head[3].mentioned_repo_urls == ("https://github.com/aaFrostnova/CiteTracer",)
    assert head[3].repo_url is None  # named in the abstract, not declared by the card
    source_tracing = next(paper for paper in head if paper.arxiv_id == "2407.17722")
    assert (source_tracing.upvotes, source_tracing.published, source_tracing.comments) == (
        8,
        datetime.date(2024, 7, 24),
        2,
    )
    assert source_tracing.mentioned_repo_urls == ("https://github.com/MyLove-XAB/KDDCupFinal",)
    assert head[-1].arxiv_id == "2511.16198"
    assert head[-1].author_count == 1


def test_search_tail_starts_mid_page() -> None:
    """The tail sample loads its 7 cards and ignores the footer chrome."""
    tail = paperlist.load(SEARCH_TAIL, today=MARKDOWN_TODAY, strict=True)
    assert [paper.arxiv_id for paper in tail] == [
        "2307.12794",
        "2608.27394",
        "2408.15836",
        "2603.08450",
        "2508.20867",
        "2608.18988",
        "2412.06272",
    ]
    knowledge = tail[2]
    assert (knowledge.upvotes, knowledge.published, knowledge.comments) == (
        14,
        datetime.date(2024, 8, 28),
        4,
    )
    assert tail[3].published == datetime.date(2026, 3, 9)
    # "\-\-" in the Markdown abstract is a literal "--".
    assert "frontier LLMs -- reveal" in (tail[4].abstract or "")


def test_trending_dump_collapses_duplicates() -> None:
    """Each card appears twice in a row; each paper is loaded once."""
    trending = paperlist.load(TRENDING, strict=True)
    assert trending.title == "Trending Papers"
    titles = [paper.title for paper in trending]
    assert len(titles) == 11 == len(set(titles))
    agent = trending[0]
    assert agent.title == "Agent Lightning: Train ANY AI Agents with Reinforcement Learning"
    assert agent.author_count == 8
    assert agent.repo_url == "https://github.com/microsoft/agent-lightning"  # the card's link
    assert agent.github_stars == 11300
    heart = trending[1]
    assert (heart.author_count, heart.github_stars) == (28, 1320)
    shaper = trending[3]
    assert (shaper.author_count, shaper.github_stars) == (None, 476)
    smol = next(paper for paper in trending if paper.title.startswith("SmolDocling"))
    assert smol.title == (
        "SmolDocling: An ultra-compact vision-language model for end-to-end "
        "multi-modal document conversion"
    )
    assert smol.github_stars == 50800


def test_front_matter_is_skipped() -> None:
    """A YAML front matter block is not read as cards."""
    text = SEARCH_HEAD.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    without = text.split("---\n", 2)[2]
    assert (
        paperlist.loads(without, today=MARKDOWN_TODAY).papers
        == paperlist.loads(text, today=MARKDOWN_TODAY).papers
    )


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("### [Title](https://huggingface.co/papers/2401.00001) ###", "Title"),
        ("### Title with C# ##", "Title with C#"),
        ("### Title with C#", "Title with C#"),
    ],
)
def test_a_headings_closing_hashes_are_not_its_title(heading: str, title: str) -> None:
    card = (
        f"{heading}\n\n{'An abstract of the paper, long enough to be one. ' * 5}\n\n- 3 authors\n"
    )
    assert paperlist.loads(card, today=MARKDOWN_TODAY)[0].title == title


def test_the_site_logo_is_no_organisation_chip() -> None:
    """The logo links an image and "Hugging Face" to the site's root, as a chip links its
    organisation's page: above the cards it is page furniture, not an orphan chip."""
    logo = (
        "[![Image 1: Hugging Face's logo](https://huggingface.co/front/assets/"
        "huggingface_logo-noborder.svg) Hugging Face](https://huggingface.co/)\n\n"
    )
    text = SEARCH_HEAD.read_text(encoding="utf-8").replace("---\nnew\n", f"---\n{logo}new\n", 1)
    assert logo in text
    listing = paperlist.loads(text, today=MARKDOWN_TODAY, strict=True)
    assert (len(listing), listing[0].organization, listing[0].organization_id) == (
        12,
        "OCC",
        "occ-ai",
    )


@pytest.mark.parametrize("line", ["Source: https://huggingface.co/papers", "Saved from the web"])
def test_a_line_above_the_front_matter_is_reported_not_made_a_paper(line: str) -> None:
    """A tool's line above the front matter made the block its abstract and the page's
    date its date: an invented 13th paper. It is an Issue; the 12 cards stay."""
    text = f"{line}\n\n{SEARCH_HEAD.read_text(encoding='utf-8')}"
    listing = paperlist.loads(text, today=MARKDOWN_TODAY)
    assert len(listing) == 12
    assert listing[0].title.startswith("OCC-RAG")
    (issue,) = listing.issues
    assert (issue.line, issue.message.startswith("not read as a paper")) == (1, True)
    with pytest.raises(paperlist.ParseError, match="not read as a paper"):
        paperlist.loads(text, today=MARKDOWN_TODAY, strict=True)


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        # pymupdf4llm underlines a link's text; a "<br>" is a space, lines stay put.
        ("<u>94</u>\n\n**<u>Title</u>**", "94\n\n**Title**"),
        ("·<br>5 authors<br/> 2<BR />", "· 5 authors  2 "),
        ("<!-- Start of picture text -->x<!-- End of picture text -->\n<!-- image -->", "x\n"),
        ("<span class='a'>a</span> <b>b</b> <em>c</em>", "a b c"),
        ('<a id="source-section-0"></a>\n\nnew', "\n\nnew"),
        # Not inline HTML, or not on one line: text as written.
        ("p < 0.05 and <body> and a<b", "p < 0.05 and <body> and a<b"),
        (
            "<!-- opened\n--> closed on another line <!--",
            "<!-- opened\n--> closed on another line <!--",
        ),
    ],
)
def test_inline_html_a_converter_kept_is_markup(text: str, plain: str) -> None:
    assert without_inline_html(text) == plain


def test_pymupdf4llms_bold_lines_and_glued_counts_read_as_the_card() -> None:
    """A heading and a title in bold are their text; "Submitted by akhaliq 94" and
    "· 533 authors 5" carry two values each (as in pymupdf4llm's Markdown of a printed
    listing, without its tags)."""
    text = (
        "# **Daily Papers**\n\nSubmitted by  akhaliq 94\n\n**The Llama 3 Herd of Models**\n\n"
        "· 533 authors 5\n\nSubmitted by  akhaliq\n\n24\n\n**Tora**\n\n5 authors 2\n"
    )
    listing = paperlist.loads(text, today="2024-08-01", strict=True)
    assert listing.title == "Daily Papers"
    assert [
        (paper.title, paper.submitted_by, paper.upvotes, paper.author_count, paper.comments)
        for paper in listing
    ] == [
        ("The Llama 3 Herd of Models", "akhaliq", 94, 533, 5),
        ("Tora", "akhaliq", 24, 5, 2),
    ]


def test_a_list_of_links_to_paper_pages_gives_a_paper_each() -> None:
    """A digest's list ("- [Title](…) (2025-09, 665 upvotes): its summary"): before, the
    text above was the first paper's title and the next items were its abstract."""
    text = (
        "- Language models: 8,096 papers\n\n"
        "- [Sharing is Caring](https://huggingface.co/papers/2509.08721) (2025-09): SAPO.\n"
        "- [GrandCode](https://huggingface.co/papers/2604.02721) (2026-04): A system.\n"
    )
    listing = paperlist.loads(text)
    assert [(paper.title, paper.arxiv_id, paper.abstract) for paper in listing] == [
        ("Sharing is Caring", "2509.08721", "(2025-09): SAPO."),
        ("GrandCode", "2604.02721", "(2026-04): A system."),
    ]
    assert [issue.line for issue in listing.issues] == [1]  # the text above: no paper


def test_a_short_line_linking_to_a_paper_is_its_title_a_paragraph_its_abstract() -> None:
    title = "Some line of text\n\n[Sharing is Caring](https://huggingface.co/papers/2509.08721)\n"
    assert [(p.title, p.arxiv_id) for p in paperlist.loads(title)] == [
        ("Sharing is Caring", "2509.08721")
    ]
    # A page links its abstract so (firecrawl's Markdown): a sentence's end closes it.
    abstract = "Title\n\n[We study caring. It helps.](https://huggingface.co/papers/2509.08721)\n"
    assert [(p.title, p.arxiv_id, p.abstract) for p in paperlist.loads(abstract)] == [
        ("Title", "2509.08721", "We study caring. It helps.")
    ]


def test_a_2026_trending_card_as_a_sites_own_script_dumped_it() -> None:
    """Cut from a real dump of the trending page (October 2026) by a site's own script
    (its "structured-html-v2"), abstracts shortened: '<a id=…></a>' anchors; "[图片：无替代
    文本]" ("picture: no alternative text") where each image stood, the avatar above the
    submitter's name and in the organisation chip too; a "-" for each avatar it dropped;
    the chip and "· Published on Oct 4, 2026" on one line; the upvote button, labelled,
    after the card's text; each card twice. Before, each image's name and the submitter
    were papers, and no card kept its upvotes, date, organisation or repository."""
    card = (
        "Submitted by\n\n[图片：无替代文本]\n\nvvasilev\n\n\n"
        '<a id="source-section-3"></a>\n\n'
        "### [Kandinsky 6.0 Video](https://huggingface.co/papers/2610.05608)\n\n\n"
        "We present Kandinsky 6.0 Video, a family of foundation diffusion models.\n\n\n"
        "[[图片：kandinskylab] Kandinsky Lab](https://huggingface.co/kandinskylab) · "
        "Published on Oct 4, 2026\n\n\n"
        "[Upvote\n\n117](https://huggingface.co/login?next=%2Fpapers%2F2610.05608)\n\n"
        "[GitHub 131](https://github.com/kandinskylab/kandinsky-6) "
        "[arXiv Page](https://arxiv.org/abs/2610.05608)\n\n\n"
    )
    second = (
        "[[图片：无替代文本]](https://huggingface.co/papers/2412.20138)\n\n\n"
        '<a id="source-section-7"></a>\n\n'
        "### [TradingAgents](https://huggingface.co/papers/2412.20138)\n\n\n"
        "A multi-agent framework for stock trading.\n\n\n"
        "-\n\n-\n\n-\n\n- [图片：无替代文本]\n\n- 4 authors\n\n· Published on Dec 28, 2024\n\n\n"
        "[Upvote\n\n149](https://huggingface.co/login?next=%2Fpapers%2F2412.20138)\n\n"
        "[GitHub 110k](https://github.com/tauricresearch/tradingagents) "
        "[arXiv Page](https://arxiv.org/abs/2412.20138)\n\n\n"
    )
    text = "## Extracted Text\n\n" + card + card + second + second
    listing = paperlist.loads(text, today="2026-10-10", strict=True)
    assert [
        (
            paper.title,
            paper.arxiv_id,
            paper.upvotes,
            paper.published,
            paper.organization_id,
            paper.author_count,
            paper.repo_url,
            paper.github_stars,
            paper.submitted_by,
        )
        for paper in listing
    ] == [
        (
            "Kandinsky 6.0 Video",
            "2610.05608",
            117,
            datetime.date(2026, 10, 4),
            "kandinskylab",
            None,
            "https://github.com/kandinskylab/kandinsky-6",
            131,
            "vvasilev",
        ),
        (
            "TradingAgents",
            "2412.20138",
            149,
            datetime.date(2024, 12, 28),
            None,
            4,
            "https://github.com/tauricresearch/tradingagents",
            110_000,
            None,
        ),
    ]
    assert listing[0].organization == "Kandinsky Lab"


def test_a_digests_decorated_lines_between_papers_are_no_papers() -> None:
    """The layout of a real digest of Hugging Face papers in the search index (PeekDeck's):
    each paper's organisation ("🏢 Robbyant") and counts ("▲ 30 • 💬 3") on lines of their
    own, each followed by a paragraph. Before, each such line with the paragraph after it
    was a paper, kept between two papers as the seed's bare cards are; no arXiv title opens
    with a pictograph."""
    text = (
        "**[Geometric Context Transformer](https://huggingface.co/papers/2604.14141)**\n\n"
        "*Lin-Zhuo Chen, Jian Gao, Yihang Chen et al. (11 authors)*\n\n"
        "🏢 Robbyant\n\n"
        "LingBot-Map is a feed-forward 3D foundation model that reconstructs scenes.\n\n"
        "▲ 30 • 💬 3 • ⭐ 14,841 • 3mo ago\n\n"
        "---\n\n"
        "**[SkillOpt: Executive Strategy](https://huggingface.co/papers/2605.23904)**\n\n"
        "*Yifan Yang, Ziyang Gong, Weiquan Huang et al. (15 authors)*\n\n"
        "🏢 Microsoft Research\n\n"
        "SkillOpt introduces a systematic text-space optimizer for agent skills.\n"
    )
    listing = paperlist.loads(text)
    assert [(paper.title, paper.arxiv_id) for paper in listing] == [
        ("Geometric Context Transformer", "2604.14141"),
        ("SkillOpt: Executive Strategy", "2605.23904"),
    ]
    reported = " ".join(issue.message for issue in listing.issues)
    assert "'🏢 Robbyant'" in reported
    assert "'▲ 30 • 💬 3 • ⭐ 14,841 • 3mo ago'" in reported
