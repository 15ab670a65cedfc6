"""The budgets the report marks as met or missed. A budget whose figure was not measured is None."""

KB = 1024
MB = 1024 * 1024


def _get(data: dict, *keys):
    for key in keys:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def _row(name: str, limit: str, measured: str | None, met: bool | None) -> dict:
    return {
        "budget": name,
        "limit": limit,
        "measured": measured if measured is not None else "not measured",
        "met": met,
    }


def phone_rows(report: dict) -> list[dict]:
    """The officer's phone: weight against the floor, requests, a slow link, a repeat visit, offline."""
    weights = _get(report, "phone", "weights") or {}
    worst = max(weights.items(), key=lambda item: item[1]["ratio"], default=None)
    busiest = max(weights.items(), key=lambda item: item[1]["requests"] - item[1]["request_budget"], default=None)
    paint = _get(report, "phone", "slow_link_first_paint_ms")
    repeat = _get(report, "phone", "repeat_visit")
    bundle = _get(report, "phone", "offline_bundle", "bytes")
    return [
        _row(
            "Every page's cold load vs its floor (HTML + theme CSS + figures + its runtime)",
            "≤ 1.3×",
            f"{worst[1]['ratio']:.2f}× ({worst[0]}, the highest)" if worst else None,
            all(w["ratio"] <= 1.3 for w in weights.values()) if weights else None,
        ),
        _row(
            "Every page's requests (a page with a quiz, the diagnostic or search may add its runtime's files)",
            "≤ 8 (+ runtime)",
            f"{busiest[1]['requests']} of {busiest[1]['request_budget']} ({busiest[0]}, the nearest)"
            if busiest
            else None,
            all(w["requests"] <= w["request_budget"] for w in weights.values()) if weights else None,
        ),
        _row(
            "First chapter's first contentful paint on 400 kbps / 400 ms (median of 3 cold loads)",
            "≤ 2.5 s",
            f"{paint / 1000:.2f} s" if paint else None,
            paint <= 2500 if paint else None,
        ),
        _row(
            "Repeat visit on the same link, warm cache",
            "≤ 0.5 s, no network request",
            f"{repeat['load_ms'] / 1000:.2f} s, {repeat['network_requests']} network requests" if repeat else None,
            repeat["load_ms"] <= 500 and repeat["network_requests"] == 0 if repeat else None,
        ),
        _row(
            "Offline copy of the whole handbook",
            "≤ 3 MB",
            f"{bundle / MB:.2f} MB" if bundle else None,
            bundle <= 3 * MB if bundle else None,
        ),
    ]


def evaluate(report: dict) -> list[dict]:
    rows = []

    loads = _get(report, "pages", "ours") or {}
    heaviest = max(loads.items(), key=lambda item: item[1]["bytes"], default=None)
    rows.append(
        _row(
            "Any page, cold load",
            "≤ 250 KB",
            f"{heaviest[1]['bytes'] / KB:.1f} KB ({heaviest[0]}, the heaviest)" if heaviest else None,
            all(p["bytes"] <= 250 * KB for p in loads.values()) if loads else None,
        )
    )

    audits = _get(report, "lighthouse", "ours") or {}
    for category, minimum in (("performance", 95), ("accessibility", 100), ("best-practices", 100), ("seo", 100)):
        values = {name: audit["scores"][category] for name, audit in audits.items()}
        rows.append(
            _row(
                f"Lighthouse mobile {category}",
                f"≥ {minimum}",
                ", ".join(f"{name} {value:g}" for name, value in values.items()) if values else None,
                all(v is not None and v >= minimum for v in values.values()) if values else None,
            )
        )

    gz = _get(report, "runtime", "size", "gzip_bytes")
    rows.append(
        _row("Quiz runtime gzipped", "≤ 12 KB", f"{gz / KB:.1f} KB" if gz else None, gz <= 12 * KB if gz else None)
    )

    timing = _get(report, "runtime", "interactive", "cpu_1x")
    if timing:
        ms = timing["interactive_ms"]["median"]
        rows.append(
            _row(
                f"{timing['questions']}-question quiz interactive after navigation start",
                "≤ 200 ms",
                f"{ms:.0f} ms",
                ms <= 200,
            )
        )
    else:
        rows.append(_row("Big quiz interactive after navigation start", "≤ 200 ms", None, None))

    ratio = _get(report, "build", "ratio_cold")
    rows.append(
        _row(
            "Full build vs stock Jupyter Book",
            "≤ 1.5×",
            f"{ratio:.2f}×" if ratio else None,
            ratio <= 1.5 if ratio else None,
        )
    )

    both = _get(report, "build", "bilingual", "ratio")
    rows.append(
        _row(
            "Bilingual build (English and French) vs English only",
            "≤ 2.2×",
            f"{both:.2f}×" if both else None,
            both <= 2.2 if both else None,
        )
    )

    for edit in ("chapter_edit", "bank_edit"):
        seconds = _get(report, "build", "ours", edit, "median")
        label = "one chapter" if edit == "chapter_edit" else "one question bank"
        rows.append(
            _row(
                f"Incremental rebuild after editing {label}",
                "≤ 3 s",
                f"{seconds:.2f} s" if seconds is not None else None,
                seconds <= 3 if seconds is not None else None,
            )
        )

    total = _get(report, "exports", "total_seconds")
    rows.append(
        _row(
            "Every SCORM module and question bank exported",
            "≤ 15 s",
            f"{total:.2f} s" if total is not None else None,
            total <= 15 if total is not None else None,
        )
    )

    zips = {n: s for n, s in (_get(report, "exports", "scorm", "files") or {}).items() if n.endswith(".zip")}
    biggest = max(zips.items(), key=lambda item: item[1], default=None)
    rows.append(
        _row(
            "Each SCORM module zip",
            "≤ 2 MB",
            f"{biggest[1] / MB:.2f} MB ({biggest[0]}, the largest)" if biggest else None,
            all(size <= 2 * MB for size in zips.values()) if zips else None,
        )
    )

    scale = _get(report, "scale") or {}
    largest = scale.get("rows", [])[-1] if scale.get("rows") else None
    if largest:
        fit = scale["fit"]["total_s"]
        within = largest["total_s"]["median"] <= 60
        rows.append(
            _row(
                f"{largest['questions']:,} questions built and exported, growing linearly",
                "≤ 60 s, linear",
                f"{largest['total_s']['median']:.1f} s; R² {fit['r2']:.3f}, cost ratio {fit.get('cost_ratio')}"
                f" ({'linear' if fit['linear'] else 'not linear'})",
                within and fit["linear"],
            )
        )
    else:
        rows.append(_row("2,000 questions built and exported, growing linearly", "≤ 60 s, linear", None, None))
    return rows + phone_rows(report)
