// Module BookWriter.
