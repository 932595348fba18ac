// Module ManuscriptReader.
