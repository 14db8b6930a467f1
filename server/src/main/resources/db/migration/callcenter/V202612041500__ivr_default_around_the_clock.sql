-- 12345 is staffed 7×24 (GB/T 33358): the shipped default flow no longer sends callers to voicemail outside
-- 09:00-18:00. An installation whose default flow nobody has edited since it was seeded (still by 'system', version
-- 0, with the working-hours check) gets the new definition; an edited flow is left as its admin made it. The old
-- behaviour stays available as the shipped flow working-hours-12345, seeded at the next start.
update cc_ivr_flow
   set definition = '{
  "id": "default-12345",
  "name": "12345 默认导航",
  "start": "check-blacklist",
  "steps": {
    "check-blacklist": {"type": "condition", "test": "blacklisted", "then": "blocked", "else": "welcome"},
    "blocked":         {"type": "hangup", "prompt": "blacklisted"},
    "welcome":         {"type": "play", "prompt": "welcome", "next": "menu"},
    "menu":            {"type": "menu", "prompt": "main-menu", "options": {"1": "connect", "2": "order-number", "0": "connect"},
                        "timeoutSeconds": 5, "retries": 2, "invalidPrompt": "invalid", "onFailure": "connect"},
    "order-number":    {"type": "collect", "prompt": "enter-order", "variable": "orderNumber", "minDigits": 4,
                        "maxDigits": 20, "terminator": "#", "timeoutSeconds": 8, "next": "mark-progress", "onFailure": "connect"},
    "mark-progress":   {"type": "set", "name": "service", "value": "order-progress", "next": "progress-queue"},
    "progress-queue":  {"type": "queue", "queue": "self-service"},
    "connect":         {"type": "play", "prompt": "connecting", "next": "general-queue"},
    "general-queue":   {"type": "queue", "queue": "general"}
  }
}',
       version = version + 1, updated_by = 'system', updated_at = now()
 where id = 'default-12345' and version = 0 and updated_by = 'system'
   and definition like '%"test": "working_hours"%';
