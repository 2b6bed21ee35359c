"""The cases of DataCodecBenchmark with pydicom, for bench/data-bench.sh: same files, same run.

Usage: data_pydicom.py <dir with ct.dcm, elements.dcm, multiframe.dcm> <seconds per case>
Prints JSON: {case: ops per second}. Each case runs once to warm up, then for the given time.
"""
import io
import json
import sys
import time

import pydicom


def rate(fn, seconds):
    fn()
    n = 0
    start = time.perf_counter()
    while True:
        fn()
        n += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return n / elapsed


def main():
    d, seconds = sys.argv[1], float(sys.argv[2])
    ct = open(f"{d}/ct.dcm", "rb").read()
    elements = open(f"{d}/elements.dcm", "rb").read()
    ct_ds = pydicom.dcmread(io.BytesIO(ct))
    el_ds = pydicom.dcmread(io.BytesIO(elements))

    def write(ds):
        ds.save_as(io.BytesIO(), write_like_original=False)

    def header():
        ds = pydicom.dcmread(f"{d}/multiframe.dcm", stop_before_pixels=True)
        assert int(ds.NumberOfFrames) == 200 and "PixelData" not in ds

    results = {
        "a_parseCt": rate(lambda: pydicom.dcmread(io.BytesIO(ct)), seconds),
        "a_parseCtPixelsOnDisk": rate(lambda: pydicom.dcmread(f"{d}/ct.dcm", defer_size=65536), seconds),
        "a_writeCt": rate(lambda: write(ct_ds), seconds),
        "b_parseElements": rate(lambda: pydicom.dcmread(io.BytesIO(elements)), seconds),
        "b_writeElements": rate(lambda: write(el_ds), seconds),
        "c_parseHeaderOfMultiframe": rate(header, seconds),
    }
    json.dump({"pydicom": pydicom.__version__, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
