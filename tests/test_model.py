import json

from newsledger.model import (Actor, ActorRef, Claim, DocLedger, Document, Event, LedgerError,
                              PlaceMention, PlaceRef, Quantity, Span, TimeValue, Timex, content_id,
                              from_dict, to_dict)


def _ledger() -> DocLedger:
    text = "Baku said on 2 May 2024 that 300 troops left Shusha."
    doc = Document.from_text(text, source_id="x", published="2024-05-03", published_source="input")
    return DocLedger(
        document=doc,
        timexes=[Timex(13, 23, text[13:23], "DATE", "2024-05-02", anchor="explicit")],
        places=[PlaceMention(45, 51, "Shusha", "Shusha", 39.76, 46.75, "AZ", 585170, "city")],
        actors=[Actor("AZ-GOV", "Azerbaijan (government)", "government", "AZ", ["Baku"], [Span.of(text, 0, 4)])],
        claims=[Claim(Span.of(text, 0, 4), Span.of(text, 5, 9), Span.of(text, 29, 51), "indirect",
                      speaker_name="Baku", speaker_actor="AZ-GOV")],
        events=[Event("RETREAT", Span.of(text, 40, 44), Span.of(text, 29, 51),
                      source_actors=[ActorRef(None, 33, 39, "troops")],
                      time=TimeValue("2024-05-02", how="sentence"), place=PlaceRef("Shusha", 39.76, 46.75),
                      modality="reported", attributed_to="AZ-GOV", cameo_root="20", intensity=-2.0)],
        quantities=[Quantity(300, Span.of(text, 29, 39), unit="troops", hedge=None)],
        errors=[LedgerError("E201", "example")],
    )


def test_round_trip_is_lossless():
    ledger = _ledger()
    data = json.loads(json.dumps(to_dict(ledger)))
    assert from_dict(DocLedger, data) == ledger


def test_dict_has_contract_key_order():
    data = to_dict(_ledger())
    # the contract's keys first, in its order; added fields may follow
    assert list(data)[:9] == ["schema", "document", "timexes", "places", "actors", "claims", "events",
                              "quantities", "errors"]
    assert data["schema"] == "newsledger/1"


def test_content_id_is_stable_and_text_dependent():
    assert content_id("abc") == content_id("abc")
    assert content_id("abc") != content_id("abd")
    assert len(content_id("abc")) == 20


def test_from_dict_ignores_unknown_keys():
    data = to_dict(_ledger())
    data["document"]["something_new"] = 1
    assert from_dict(DocLedger, data).document.id == _ledger().document.id


def test_contract_checker_accepts_and_rejects():
    from newsledger.contract import problems

    data = to_dict(_ledger())
    assert problems(data) == []
    data["timexes"][0]["text"] = "wrong"
    assert any("timexes[0]" in p for p in problems(data))
    data = to_dict(_ledger())
    del data["events"]
    assert problems(data) == ["missing top-level key 'events'"]
