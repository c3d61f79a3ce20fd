"""Declarative shadow DOM as a browser renders it: a host's ``<template shadowrootmode>`` is
drawn in place of the host's content, and each ``<slot>`` in it shows the host's children
assigned to it (``slot="name"``, or any other child for the slot without a name); a slot
nothing is assigned to shows its own fallback content, and a child no slot takes is not drawn.

The page's tree is left alone: the walk reads a composed copy of the host instead.
"""

from __future__ import annotations

import copy

from scrubwarc.read.hints import Element

__all__ = ["composed", "is_shadow_root", "slotting_host"]


def is_shadow_root(el: Element) -> bool:
    """Whether a ``<template>`` is a declarative shadow root: the browser renders its content
    in place of the template, inside its host (``shadowroot`` is the attribute's older name),
    where any other template is inert markup for scripts."""
    return el.get("shadowrootmode") is not None or el.get("shadowroot") is not None


def shadow_root(host: Element) -> Element | None:
    """The declarative shadow root of ``host``: its first ``<template shadowrootmode>`` child."""
    for child in host:
        if child.tag == "template" and is_shadow_root(child):
            return child
    return None


def slotting_host(template: Element) -> Element | None:
    """The host ``template`` is the shadow root of, when it places the host's children with
    ``<slot>``s; None otherwise (a shadow root without slots is read, then the host's children
    after it, as before).
    """
    host = template.getparent()
    if host is None or shadow_root(host) is not template:
        return None
    return host if next(template.iter("slot"), None) is not None else None


def _append_text(parent: Element, text: str) -> None:
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def composed(host: Element) -> Element:
    """A copy of ``host`` holding what the browser draws: its shadow root, slots filled.

    >>> from lxml.html import fragment_fromstring as f
    >>> host = f("<x-card><template shadowrootmode=open><h2><slot name=t>Untitled</slot>"
    ...     "</h2><slot></slot><p>End</p></template>"
    ...     "<b slot=t>Title</b> Body <i slot=x>x</i></x-card>")
    >>> "|".join(composed(host).itertext())
    'Title| Body |End'
    """
    template = shadow_root(host)
    out = host.makeelement(host.tag)
    if template is None:
        return out
    shadow = copy.deepcopy(template)
    out.text = shadow.text
    for child in shadow:
        out.append(child)  # moves each child of the copy, with its tail
    # The host's own text before its shadow root was read already, where it stands.
    named: dict[str | None, list[Element | str]] = {}
    for child in host:
        if child is not template and isinstance(child.tag, str):
            named.setdefault(child.get("slot"), []).append(child)
        if child.tail:
            named.setdefault(None, []).append(child.tail)
    for slot in out.iter("slot"):
        assigned = named.get(slot.get("name") or None)
        if not assigned:
            continue  # its fallback content shows
        slot.text = None
        for old in list(slot):
            slot.remove(old)
        for node in assigned:
            if isinstance(node, str):
                _append_text(slot, node)
            else:
                placed = copy.deepcopy(node)
                placed.tail = None
                slot.append(placed)
    return out
