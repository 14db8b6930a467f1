#!/usr/bin/env python3
"""Builds the machine-inspection corpus: stereo 8 kHz 16-bit calls as the call center records them (citizen left,
agent right) from Mandarin speech synthesised by espeak-ng and resampled by sox, with seeded violations and their
labels. Written without looking at the detector: the labels come from the timeline this script lays out.

usage: generate.py OUT_DIR [CALLS] [SEED]

Writes OUT_DIR/calls/<id>.wav, OUT_DIR/transcripts/<id>.tsv (speaker, start_ms, end_ms, text: what was spoken, as an
ASR engine would deliver it) and OUT_DIR/labels.tsv (call, rule, start_ms, end_ms) for DEAD_AIR, TALK_OVER, SHOUTING,
LONG_SILENCE_HOLD and GREETING. Each call also has near misses that must not be flagged: pauses of 1-5 s, short
backchannels over the other side ("嗯", "对"), agents a few dB louder than citizens, line hiss of varying level
(up to -40 dBFS, speech at -32..-20 dBFS), line echo of the agent in the citizen's channel (20-30 dB down) on a
third of the calls, and mu-law companding as on a G.711 line.
"""
import hashlib
import os
import random
import subprocess
import sys
import wave

import numpy as np

RATE = 8000

AGENT_LINES = [
    "好的，我帮您记录一下", "请问您的具体地址是哪里", "请问是哪个小区哪一栋", "这个问题我们会转给相关部门处理",
    "请您保持电话畅通，承办单位会联系您", "您反映的情况我已经记下了", "请问这个情况持续多长时间了",
    "我们会在三个工作日内给您答复", "请问您贵姓", "您的联系电话是这个号码吗", "好的，我再和您确认一下",
    "您说的是东湖区幸福路吗", "这个属于城管局的职责范围", "我们会尽快派单", "您还有其他需要反映的吗", "您好，请问您贵姓",
]
CITIZEN_LINES = [
    "我家楼下的路灯坏了一个多月了", "小区门口的下水道又堵了", "晚上工地施工太吵了，根本睡不着",
    "在东湖区幸福路三十八号", "已经有两个星期了", "我姓王，电话就是这个", "物业一直不管，我们也没办法",
    "垃圾好几天没有人清运了", "公交站的广告牌快掉下来了，很危险", "对，就是那个小区的三号楼",
    "我上次打过电话，还是没有人处理", "能不能快一点来人看看", "好的，谢谢你", "没有了，就这些",
]
SHOUT_LINES = ["你们到底管不管！", "我都打了多少次电话了！", "这个事情必须今天解决！"]
GREETINGS = ["您好，12345热线，请问有什么可以帮您", "您好，12345政务服务热线，很高兴为您服务",
             "您好，一二三四五热线，请讲"]
NO_GREETINGS = ["喂，请讲", "什么事，说吧"]
CLOSINGS = ["感谢您的来电，再见", "好的，祝您生活愉快，再见"]
BACKCHANNELS = ["嗯", "对", "好"]
HOLD_LINES = ["请您稍等，我查询一下"]


class Voice:
    """Synthesises and caches one clip per (text, voice): 8 kHz float samples at unit RMS."""

    def __init__(self, cache):
        self.cache = cache
        os.makedirs(cache, exist_ok=True)
        self.clips = {}

    def clip(self, text, voice, speed):
        key = (text, voice, speed)
        if key in self.clips:
            return self.clips[key]
        name = os.path.join(self.cache, hashlib.sha1(repr(key).encode()).hexdigest()[:16] + ".wav")
        if not os.path.exists(name):
            raw = name + ".22k.wav"
            subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", raw, text], check=True)
            subprocess.run(["sox", "-V1", raw, "-r", str(RATE), "-c", "1", "-b", "16", name], check=True)
            os.remove(raw)
        with wave.open(name) as w:
            x = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64)
        # trim espeak's leading and trailing silence so that the timeline says where speech is
        loud = np.nonzero(np.abs(x) > 0.02 * np.max(np.abs(x)))[0]
        x = x[loud[0]:loud[-1] + 1]
        x /= np.sqrt(np.mean(x ** 2))
        self.clips[key] = x
        return x


class Call:
    def __init__(self, rng, voice, call_id):
        self.rng = rng
        self.voice = voice
        self.id = call_id
        self.t = 0.3  # seconds
        self.channels = {"CITIZEN": [], "AGENT": []}  # (start_s, samples)
        self.labels = []
        self.transcript = []
        # each side's level on this line, dBFS RMS, and the agent's voice
        self.level = {"CITIZEN": rng.uniform(-32, -20), "AGENT": rng.uniform(-30, -20)}
        self.hiss = rng.choice([None, rng.uniform(-62, -50), rng.uniform(-50, -40)])
        # line echo: the agent's voice leaking into the citizen's channel, 20-30 dB down, 60-200 ms late
        self.echo = rng.random() < 0.3 and (rng.uniform(-30, -20), rng.uniform(0.06, 0.2))
        self.agent_voice = rng.choice(["cmn+f3", "cmn+f2", "cmn+f4"])
        self.citizen_voice = rng.choice(["cmn", "cmn+m3", "cmn+f5"])

    def say(self, side, text, at=None, gain_db=0.0, transcript=True):
        voice, speed = (self.agent_voice, 190) if side == "AGENT" else (self.citizen_voice, 170)
        x = self.voice.clip(text, voice, speed) * 10 ** ((self.level[side] + gain_db) / 20) * 32768
        start = self.t if at is None else at
        self.channels[side].append((start, x))
        end = start + len(x) / RATE
        if transcript:
            self.transcript.append((side, int(start * 1000), int(end * 1000), text))
        if at is None:
            self.t = end
        return start, end

    def pause(self, seconds):
        self.t += seconds

    def label(self, rule, start, end):
        self.labels.append((self.id, rule, int(start * 1000), int(end * 1000)))

    def render(self):
        n = int((self.t + 0.5) * RATE)
        out = {}
        for side, clips in self.channels.items():
            ch = np.zeros(n)
            for start, x in clips:
                i = int(start * RATE)
                ch[i:i + len(x)] += x[:n - i]
            if self.hiss is not None:
                ch += self.rng_np.normal(0, 10 ** (self.hiss / 20) * 32768, n)
            out[side] = ch
        if self.echo:
            gain, delay = self.echo
            d = int(delay * RATE)
            out["CITIZEN"][d:] += out["AGENT"][:n - d] * 10 ** (gain / 20)
        for side in out:
            out[side] = g711(np.clip(np.round(out[side]), -32768, 32767))
        stereo = np.empty(2 * n, dtype="<i2")
        stereo[0::2] = out["CITIZEN"]
        stereo[1::2] = out["AGENT"]
        return stereo


def g711(x):
    """What the line does to the voice: mu-law companding to 8 bits and back (the recorder stores decoded G.711)."""
    y = x / 32768.0
    c = np.sign(y) * np.log1p(255 * np.abs(y)) / np.log1p(255)
    c = np.round(c * 127) / 127
    return (np.sign(c) * np.expm1(np.abs(c) * np.log1p(255)) / 255 * 32767).astype("<i2")


def build(rng, voice, call_id):
    call = Call(rng, voice, call_id)
    call.rng_np = np.random.default_rng(rng.randrange(1 << 30))
    kinds = set()
    for kind, share in (("DEAD_AIR", 0.2), ("TALK_OVER", 0.2), ("SHOUTING", 0.2), ("LONG_SILENCE_HOLD", 0.15),
                        ("GREETING", 0.2)):
        if rng.random() < share:
            kinds.add(kind)
    if "GREETING" in kinds:
        call.label("GREETING", 0, 15)
        call.say("AGENT", rng.choice(NO_GREETINGS))
    else:
        call.say("AGENT", rng.choice(GREETINGS))
    turns = rng.randint(6, 10)
    events = {}
    for kind in kinds - {"GREETING"}:
        events[rng.randint(1, turns - 2)] = kind
    for turn in range(turns):
        call.pause(rng.uniform(0.4, 1.2))
        if rng.random() < 0.25:
            call.pause(rng.uniform(1.0, 5.0))  # a normal pause: near miss for dead air
        kind = events.get(turn)
        if kind == "SHOUTING":
            start, end = call.say("CITIZEN", rng.choice(SHOUT_LINES), gain_db=rng.uniform(12, 15))
            call.label("SHOUTING", start, end)
        else:
            start, end = call.say("CITIZEN", rng.choice(CITIZEN_LINES))
        if rng.random() < 0.4:  # the agent's short "嗯" over the citizen: near miss for talk-over
            call.say("AGENT", rng.choice(BACKCHANNELS), at=rng.uniform(start, max(start, end - 0.6)))
        call.pause(rng.uniform(0.3, 1.0))
        if kind == "DEAD_AIR":
            gap = rng.uniform(10, 16)
            call.label("DEAD_AIR", call.t, call.t + gap)
            call.pause(gap)
        if kind == "TALK_OVER":
            # the agent answers; the citizen breaks in 2.5-4 s before the agent is done
            a_start, a_end = call.say("AGENT", rng.choice(AGENT_LINES) + "，" + rng.choice(AGENT_LINES))
            overlap = min(rng.uniform(2.5, 4.0), a_end - a_start - 0.5)
            c_start, c_end = call.say("CITIZEN", rng.choice(CITIZEN_LINES), at=a_end - overlap)
            call.label("TALK_OVER", c_start, min(a_end, c_end))
            call.t = max(a_end, c_end)
            continue
        if kind == "LONG_SILENCE_HOLD":
            h_start, h_end = call.say("AGENT", HOLD_LINES[0])
            hold = rng.uniform(50, 80)
            call.label("LONG_SILENCE_HOLD", h_end, h_end + hold)
            if rng.random() < 0.5:
                call.say("CITIZEN", "喂，还在吗", at=h_end + rng.uniform(20, hold - 10))
            call.pause(hold)
        call.say("AGENT", rng.choice(AGENT_LINES), gain_db=rng.uniform(0, 4))
    call.pause(rng.uniform(0.4, 1.0))
    call.say("AGENT", rng.choice(CLOSINGS))
    call.pause(rng.uniform(0.3, 0.8))
    call.say("CITIZEN", "好的，再见")
    return call


def main():
    out = sys.argv[1]
    calls = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 12345
    rng = random.Random(seed)
    voice = Voice(os.path.join(out, "clips"))
    for d in ("calls", "transcripts"):
        os.makedirs(os.path.join(out, d), exist_ok=True)
    labels = []
    seconds = 0.0
    for i in range(calls):
        call = build(rng, voice, "call%04d" % i)
        stereo = call.render()
        with wave.open(os.path.join(out, "calls", call.id + ".wav"), "wb") as w:
            w.setnchannels(2)
            w.setsampwidth(2)
            w.setframerate(RATE)
            w.writeframes(stereo.tobytes())
        with open(os.path.join(out, "transcripts", call.id + ".tsv"), "w", encoding="utf-8") as f:
            for side, s, e, text in sorted(call.transcript, key=lambda u: u[1]):
                f.write("%s\t%d\t%d\t%s\n" % (side, s, e, text))
        labels.extend(call.labels)
        seconds += len(stereo) / 2 / RATE
    with open(os.path.join(out, "labels.tsv"), "w", encoding="utf-8") as f:
        f.write("call\trule\tstart_ms\tend_ms\n")
        for row in labels:
            f.write("%s\t%s\t%d\t%d\n" % row)
    print("generated %d calls, %.1f minutes of audio, %d labelled violations in %s" % (
        calls, seconds / 60, len(labels), out))


if __name__ == "__main__":
    main()
