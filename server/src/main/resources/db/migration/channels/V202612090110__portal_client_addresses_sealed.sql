-- The portal citizen's IP address on a receipt is personal data (PIPL): sealed at rest (issue 19, ADR 041), kept for
-- tracing abuse of a submission back to its source, never looked up. The column widens to text for the ciphertext;
-- receipts written before this version are sealed by Resealing in batches after start-up (SealedPortalColumns).
alter table ch_receipt alter column client_address type text;

-- The rate-limit counters named the citizen they count (sms-phone:<number>, submit-ip:<address>); they name a keyed
-- index of it now (RateLimits.stored). The old rows would no longer be met, and their windows end within the hour:
-- they go.
delete from ch_rate_hit where bucket like '%:%';
