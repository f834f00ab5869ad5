"""Paper dicts written by huggingface_hub: its ``PaperInfo`` objects as JSON.

``hf papers ls``, ``search`` and ``info --format json`` write each paper as
the dict of a ``PaperInfo``, flat and snake_case (``published_at``,
``submitted_at``, ``comments``), leaving out unknown (None) values. Their
values are the API's, so each is checked by the API reader's own methods.
"""

from __future__ import annotations

from typing import Any

from .._links import mentioned_repos
from .._model import Paper
from .api import ItemMapper, author_users, handle_of

__all__ = ["HUB_KEYS", "HubItemMapper"]

HUB_KEYS = frozenset(
    {"published_at", "submitted_at", "submitted_by", "discussion_id", "github_repo"}
)
"""Keys only a huggingface_hub paper dict has; any one of them marks the shape."""


class HubItemMapper(ItemMapper):
    """Maps huggingface_hub's paper dicts to Papers, reporting problems with JSON paths."""

    def map_item(self, item: dict[str, Any], path: str) -> Paper:
        """One ``PaperInfo`` dict at ``path`` as a Paper."""
        get = item.get
        arxiv_id = self._arxiv_id(get("id"), path)
        title = self._title(item, None, path, path)
        abstract = self._text(get("summary"), path, "summary")
        authors = self._authors(get("authors"), path)
        published_at = self._instant(get("published_at"), path, "published_at")
        # submitted_at is the API's item-level publishedAt, a listing time only
        # before 2025-03; since then it echoes the arXiv time.
        listed = self.listing_day(
            get("submitted_at"), get("published_at"), published_at, path, "submitted_at"
        )
        repo_url = self._declared_repo(get("github_repo"), path, "github_repo")
        organization, organization_id = self._organization_name(
            get("organization"), path, "organization"
        )
        return Paper(
            title=title,
            arxiv_id=arxiv_id,
            abstract=abstract,
            authors=authors,
            author_count=len(authors) or None,
            organization=organization,
            published=published_at.date() if published_at is not None else None,
            listed=listed,
            upvotes=self._count(get("upvotes"), path, "upvotes"),
            comments=self._count(get("comments"), path, "comments"),
            repo_url=repo_url,
            mentioned_repo_urls=mentioned_repos(repo_url, abstract),
            github_stars=self._count(get("github_stars"), path, "github_stars"),
            project_page=self._project_page(get("project_page"), path, "project_page"),
            ai_summary=self._text(get("ai_summary"), path, "ai_summary"),
            ai_keywords=self._keywords(get("ai_keywords"), path),
            organization_id=organization_id,
            # huggingface_hub reads a listing's submitter under the wrong key and
            # writes an empty username: then it is unknown.
            submitted_by=handle_of(get("submitted_by"), "username"),
            discussion_id=self._identifier(get("discussion_id"), path, "discussion_id"),
            author_users=author_users(get("authors"), authors, "username"),
            linked_models=self._linked_count(item, path, "num_total_models", "linked_models"),
            linked_datasets=self._linked_count(item, path, "num_total_datasets", "linked_datasets"),
            linked_spaces=self._linked_count(item, path, "num_total_spaces", "linked_spaces"),
        )
