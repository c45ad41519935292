// Replaced by the Lambda Runtime API loop (deployment issue).
return 1;
