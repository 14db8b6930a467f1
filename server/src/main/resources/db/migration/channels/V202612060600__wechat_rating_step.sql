-- The step after a WeChat chat ended is RATE:<chat id> (41 characters): the next digit 1–5 rates that chat. The
-- column was sized for the conversation's short steps, so writing it failed and the rating question never went out.
alter table ch_wechat_session alter column step type varchar(64);
