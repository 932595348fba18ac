// Module Selection.
