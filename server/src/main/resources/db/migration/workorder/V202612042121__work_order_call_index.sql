-- Machine inspection (quality) compares each inspected call's transcript with the orders taken on the call.
create index work_order_call on work_order (call_id) where call_id is not null;
