package io.synthlogs.engine;

import io.synthlogs.format.FixedText;
import io.synthlogs.format.LineBuffer;

/** Fixed text encoded once, with its {@link LineBuffer#text text flags}: writing it is a copy. */
record EncodedText(FixedText text, int flags) {
    static EncodedText of(String text) {
        LineBuffer buffer = new LineBuffer(text.length() * 3 + 16);
        int flags = buffer.text(text);
        return new EncodedText(FixedText.of(buffer.array(), buffer.length()), flags);
    }

    /** Appends the text; returns its flags. */
    int appendTo(LineBuffer out) {
        out.put(text);
        return flags;
    }
}
