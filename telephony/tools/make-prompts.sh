#!/bin/sh
# Generates the shipped Mandarin IVR prompts (8 kHz mono 16-bit WAV) with espeak-ng's pinyin voice and sox.
# Recorded prompts uploaded by a city replace these by name. Needs: apt-get install espeak-ng sox
set -eu
out="$(dirname "$0")/../src/main/resources/prompts"
mkdir -p "$out"
say() { # name, pinyin text (tone numbers)
  espeak-ng -v cmn-latn-pinyin -s 150 -w /tmp/prompt-$$.wav "$2"
  sox /tmp/prompt-$$.wav -r 8000 -c 1 -b 16 "$out/$1.wav" norm -3
  rm -f /tmp/prompt-$$.wav
}
say welcome       "nin2 hao3, huan1 ying2 zhi4 dian4 yi1 er4 san1 si4 wu3 zheng4 wu4 fu2 wu4 bian4 min2 re4 xian4."
say main-menu     "ren2 gong1 fu2 wu4 qing3 an4 yi1, cha2 xun2 gong1 dan1 jin4 du4 qing3 an4 er4."
say invalid       "nin2 de shu1 ru4 you3 wu4, qing3 chong2 xin1 shu1 ru4."
say enter-order   "qing3 shu1 ru4 gong1 dan1 hao4, yi3 jing3 hao4 jian4 jie2 shu4."
say connecting    "zheng4 zai4 wei4 nin2 zhuan3 jie1 ren2 gong1 zuo4 xi2, qing3 shao1 hou4."
say closed        "xian4 zai4 shi4 fei1 gong1 zuo4 shi2 jian1."
say leave-message "qing3 zai4 di1 sheng1 hou4 liu2 yan2, shuo1 wan2 qing3 gua4 ji1."
say goodbye       "gan3 xie4 nin2 de lai2 dian4, zai4 jian4."
say blacklisted   "nin2 de hao4 ma3 yi3 bei4 xian4 zhi4 hu1 ru4."
say survey        "qing3 nin2 dui4 ben3 ci4 fu2 wu4 zuo4 chu1 ping2 jia4: man3 yi4 qing3 an4 yi1, ji1 ben3 man3 yi4 qing3 an4 er4, bu4 man3 yi4 qing3 an4 san1."
say survey-thanks "gan3 xie4 nin2 de ping2 jia4, zai4 jian4."
# queue announcements, assembled: queue-ahead <number> queue-people queue-wait <number> queue-minutes
say queue-ahead   "nin2 qian2 mian4 hai2 you3"
say queue-people  "wei4,"
say queue-wait    "yu4 ji4 deng3 dai4"
say queue-minutes "fen1 zhong1."
say num-liang     "liang3"
n=0
for p in ling2 yi1 er4 san1 si4 wu3 liu4 qi1 ba1 jiu3 shi2; do say num-$n "$p"; n=$((n + 1)); done
# music on hold: a quiet repeating arpeggio, 8 s
sox -n -r 8000 -c 1 -b 16 "$out/hold-music.wav" synth 0.5 sine 523 synth 0.5 sine 659 : \
  synth 0.5 sine 784 : synth 0.5 sine 659 repeat 3 vol 0.3 fade 0.01 0 0.01
ls -l "$out"
