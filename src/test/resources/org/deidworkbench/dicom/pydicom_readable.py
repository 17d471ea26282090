# Prints READ<TAB>path for every file pydicom reads (values decoded), FAIL<TAB>path<TAB>error otherwise.
# Used by PydicomCorpusInteropTest to learn which corpus files pydicom itself accepts.
import os, sys, warnings
warnings.simplefilter("ignore")
import pydicom
for d in sys.argv[1:]:
    paths = sorted(os.path.join(root, name) for root, _, names in os.walk(d) for name in names)
    for p in paths:
        try:
            ds = pydicom.dcmread(p)
            for elem in ds.iterall():
                elem.value
            print("READ\t" + p)
        except Exception as e:
            print("FAIL\t%s\t%s" % (p, type(e).__name__))
