// Module ManuscriptGenerator.
