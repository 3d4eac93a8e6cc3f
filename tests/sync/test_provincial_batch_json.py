"""The server keeps each item's ``data`` text exactly as it was in the batch body."""

from __future__ import annotations

import json

import pytest

from counter_app.sync.reference_server.batch_json import parse_batch


def test_each_data_member_keeps_its_exact_text():
    data_one = '{ "MaHoSo" : "X-1",\n  "ChuHoSo": "Nguy\\u1ec5n",  "L": [1, 2.50, {"a": null}] }'
    data_two = '{"MaHoSo":"X-2"}'
    body = (
        '{"batch": "b1", "items": [ {"op_id": "op-1", "data": ' + data_one + ', "seq": 1},\n'
        '{"data":' + data_two + ',"op_id":"op-2"} ], "note": [true]}'
    )
    top, items = parse_batch(body)
    assert top == {"batch": "b1", "note": [True]}
    assert items is not None
    assert [i.raw_data for i in items] == [data_one, data_two]
    assert items[0].envelope["data"] == json.loads(data_one)
    assert items[0].envelope["seq"] == 1 and items[1].envelope["op_id"] == "op-2"


def test_items_that_are_not_objects_or_lack_data():
    _top, items = parse_batch('{"items":[5, "x", {"op_id": "a"}, {}]}')
    assert items is not None
    assert [(i.is_object, i.raw_data) for i in items] == [
        (False, None),
        (False, None),
        (True, None),
        (True, None),
    ]


def test_absent_and_empty_items():
    assert parse_batch('{"x": 1}') == ({"x": 1}, None)
    assert parse_batch(' {"items" : [ ] } ') == ({}, [])


@pytest.mark.parametrize(
    "body",
    ["", "[]", "{", '{"items":[', '{"items":[1,]}', '{"items":3}', "{} x", '{"items":[{"a" 1}]}'],
)
def test_broken_bodies_raise(body):
    with pytest.raises(ValueError):
        parse_batch(body)
