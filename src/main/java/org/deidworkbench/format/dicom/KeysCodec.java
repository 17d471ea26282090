package org.deidworkbench.format.dicom;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.NotSerializableException;
import java.util.ArrayList;
import java.util.List;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.Element;
import org.deidworkbench.dicom.VR;

/**
 * A directory record's keys as they travel from where a written file was read back (a cluster's
 * executor, decision 0041): each element's tag, VR and value bytes, sequences item by item, as they
 * are in memory (no DICOM encoding, so nothing is re-interpreted on the way). Bulk and fragment values
 * are never keys and are refused.
 */
final class KeysCodec {

    private KeysCodec() {
    }

    static void write(DataOutput out, Dataset ds) throws IOException {
        out.writeBoolean(ds != null);
        if (ds == null) {
            return;
        }
        out.writeBoolean(ds.undefinedLength());
        out.writeInt(ds.size());
        for (Element e : ds.elements()) {
            out.writeInt(e.tag());
            out.writeUTF(e.vr().name());
            if (e.isSequence()) {
                out.writeByte(1);
                out.writeBoolean(e.undefinedLength());
                out.writeInt(e.items().size());
                for (Dataset item : e.items()) {
                    write(out, item);
                }
            } else if (e.isBulk() || e.isFragments() || e.bytes() == null) {
                throw new NotSerializableException("a directory key held as bulk data or fragments");
            } else {
                out.writeByte(0);
                out.writeInt(e.bytes().length);
                out.write(e.bytes());
            }
        }
    }

    static Dataset read(DataInput in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        Dataset ds = new Dataset();
        ds.undefinedLength(in.readBoolean());
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            int tag = in.readInt();
            VR vr = VR.valueOf(in.readUTF());
            if (in.readByte() == 1) {
                boolean undefined = in.readBoolean();
                int items = in.readInt();
                List<Dataset> list = new ArrayList<>(items);
                for (int k = 0; k < items; k++) {
                    list.add(read(in));
                }
                ds.put(Element.ofSequence(tag, vr, list, undefined));
            } else {
                byte[] value = new byte[in.readInt()];
                in.readFully(value);
                ds.put(Element.ofBytes(tag, vr, value));
            }
        }
        return ds;
    }
}
