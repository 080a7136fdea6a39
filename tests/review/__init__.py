"""Tests of the HTML review report and `mtfix fix --decisions`."""
