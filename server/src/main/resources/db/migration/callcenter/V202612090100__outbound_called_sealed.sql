-- The number an outbound call dialled (a citizen called back, 回访, or dialled from the phone bar) is sealed at rest
-- like the caller's (issue 19, ADR 041); an inbound call's called number is the hotline's own and stays readable for
-- routing and reports. The column widens to text for the ciphertext (varchar to text rewrites nothing). Outbound
-- rows written before this version are sealed by Resealing in batches after start-up (SealedCallColumns declares
-- them with the condition direction = 'OUTBOUND'): the keys are outside the database, so SQL cannot seal them here.
alter table cc_call alter column called type text;
