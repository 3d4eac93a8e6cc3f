"""The intake screen: applicant, procedure, papers, files, decision, printed form."""
