-- 有理由投诉 found by QC (issue 12): an inspection may find that the citizen's complaint against the agent is justified
-- (COMPLAINT) or was escalated by leaders or the media (COMPLAINT_ESCALATED); reporting turns the finding into the
-- operator assessment's complaint item. A second inspection may change or withdraw it.
alter table qc_inspection add column complaint varchar(20) check (complaint in ('COMPLAINT', 'COMPLAINT_ESCALATED'));
