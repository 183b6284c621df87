"""Writes sample-photos-pil.json: for each of face-api's demo photos (demo/sample1..6.jpg), the
shape and SHA-256 of PIL's decoded pixels, np.asarray(Image.open(f).convert('RGB')). The tests
check that @salkit/viz/node's readImage, which the salkit command uses, decodes them to exactly
these pixels. Run from the repo root with Pillow installed:
python packages/tfjs/test/sample-photos-pil.py"""
import glob
import hashlib
import json
import os

import numpy as np
from PIL import Image

demo = glob.glob('node_modules/.pnpm/@vladmandic+face-api@*/node_modules/@vladmandic/face-api/demo')[0]
ref = {}
for i in range(1, 7):
    pixels = np.asarray(Image.open(os.path.join(demo, f'sample{i}.jpg')).convert('RGB'))
    ref[f'sample{i}.jpg'] = {'shape': list(pixels.shape), 'sha256': hashlib.sha256(pixels.tobytes()).hexdigest()}
with open(os.path.join(os.path.dirname(__file__), 'sample-photos-pil.json'), 'w') as f:
    json.dump(ref, f, indent=2)
    f.write('\n')
