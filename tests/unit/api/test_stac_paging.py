"""Following next links by the STAC API spec's rules (``stac_paging.follow``), one rule per
test; the sandbox and reference-server tests run them over HTTP."""

from __future__ import annotations

from up42_qgis.api.stac_paging import Continuation, follow, next_body, origin

API = "https://api.up42.com"
SEARCH = f"{API}/v2/catalog/search"
FIRST = Continuation("POST", SEARCH, {"limit": 5, "query": {"eo:cloud_cover": {"lte": 9}}})


def test_a_post_link_sends_its_body_verbatim():
    link = {"rel": "next", "href": SEARCH, "method": "POST", "body": {"limit": 5, "token": "t"}}
    assert follow(link, FIRST, API) == Continuation("POST", SEARCH, {"limit": 5, "token": "t"})


def test_merge_updates_the_previous_body():
    link = {"rel": "next", "href": SEARCH, "method": "POST", "merge": True, "body": {"token": "t"}}
    assert follow(link, FIRST, API).body == {**FIRST.body, "token": "t"}


def test_a_post_link_without_a_body_re_posts_the_previous_one():
    link = {"rel": "next", "href": SEARCH, "method": "POST"}
    assert follow(link, FIRST, API).body == FIRST.body


def test_a_get_href_is_fetched_verbatim_whatever_it_carries():
    for query in ("token=next:abc", "page=3&limit=5", "next=xyz&collections=phr"):
        link = {"rel": "next", "href": f"{SEARCH}?{query}"}  # no method: GET
        assert follow(link, FIRST, API) == Continuation("GET", f"{SEARCH}?{query}")


def test_the_legacy_next_form_re_posts_the_previous_body():
    href = f"{API}/catalog/hosts/oneatlas/stac/search?next=opaque"
    assert follow({"rel": "next", "href": href}, FIRST, API) == Continuation(
        "POST", href, FIRST.body
    )


def test_relative_hrefs_resolve_against_the_request():
    link = {"rel": "next", "href": "search?token=x", "method": "GET"}
    assert follow(link, FIRST, API).href == f"{API}/v2/catalog/search?token=x"


def test_another_origin_or_scheme_is_not_followed():
    for href in (
        "https://evil.example/v2/catalog/search",
        "http://api.up42.com/v2/catalog/search",
        "https://api.up42.com:8443/v2/catalog/search",
    ):
        assert follow({"rel": "next", "href": href, "method": "GET"}, FIRST, API) is None


def test_default_ports_are_the_same_origin():
    assert origin("https://api.up42.com:443/x") == origin("https://API.up42.com/y")


def test_the_storage_search_body_keeps_its_filter_on_merge():
    previous = {"filter": {"op": "="}, "limit": 100}
    link = {"rel": "next", "href": "x", "method": "POST", "merge": True, "body": {"token": "t"}}
    assert next_body(link, previous) == {**previous, "token": "t"}
