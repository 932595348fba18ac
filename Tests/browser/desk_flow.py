#!/usr/bin/python3
"""A reviewer's evening at the review desk, in a real browser (Chromium, headless, through chromedriver):
sign in with the invitation link, score each candidate given, submit the sheet.

usage: desk_flow.py LINK SCORES_JSON
  SCORES_JSON: {"NB-2024-0001": {"criterion": 8.5, ...}, ...} — the candidates to score and the scores.
Prints one JSON line: what the pages showed. Exit status 0 when every step succeeded.
Needs Debian's chromium, chromium-driver and python3-selenium."""
import json
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


def main():
    link, scores = sys.argv[1], json.loads(sys.argv[2])
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--window-size=412,915", "--lang=vi"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    wait = WebDriverWait(driver, 30)
    seen = {}
    try:
        base = link.split("/signin/")[0]
        driver.get(link)
        wait.until(EC.element_to_be_clickable((By.ID, "signin"))).click()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "ul.candidates li")))
        seen["who"] = driver.find_element(By.ID, "who").text
        seen["listed"] = [li.get_attribute("data-id") for li in driver.find_elements(By.CSS_SELECTOR, "ul.candidates li")]
        seen["lang"] = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        cookies = driver.get_cookies()
        seen["cookie"] = [{"httpOnly": c.get("httpOnly"), "sameSite": c.get("sameSite")} for c in cookies]

        for submission, values in scores.items():
            driver.find_element(By.CSS_SELECTOR, 'li[data-id="%s"] a' % submission).click()
            wait.until(EC.presence_of_element_located((By.ID, "score-form")))
            seen.setdefault("titles", []).append(driver.find_element(By.TAG_NAME, "h1").text)
            seen.setdefault("bodies", []).append(len(driver.find_element(By.CSS_SELECTOR, "div.body").text))
            # A score outside the scale is refused, naming the criterion; the right one is then saved.
            first = next(iter(values))
            box = driver.find_element(By.ID, "score-" + first)
            box.clear()
            box.send_keys("1000")
            driver.find_element(By.ID, "save").click()
            wait.until(lambda d: d.find_element(By.ID, "save-status").get_attribute("data-state") == "error")
            seen.setdefault("refused", {})[first] = driver.find_element(By.ID, "save-problem").text
            for criterion, value in values.items():
                box = driver.find_element(By.ID, "score-" + criterion)
                box.clear()
                box.send_keys(str(value))
            comment = driver.find_element(By.ID, "comment")
            comment.clear()
            comment.send_keys("Nhận xét cho " + submission)
            driver.find_element(By.ID, "save").click()
            wait.until(lambda d: d.find_element(By.ID, "save-status").get_attribute("data-state") == "saved")
            # The draft is there after a reload (autosaved drafts).
            driver.refresh()
            wait.until(EC.presence_of_element_located((By.ID, "score-form")))
            seen.setdefault("reloaded", {})[submission] = {
                c: driver.find_element(By.ID, "score-" + c).get_attribute("value") for c in values}
            driver.get(base + "/")
            wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "ul.candidates li")))

        driver.find_element(By.ID, "submit").click()
        result = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#submit-result .message")))
        seen["submitted"] = result.text
        wait.until(EC.presence_of_element_located((By.ID, "reopen")))
        seen["sheet"] = driver.find_element(By.ID, "sheet-state").text
    except Exception as error:  # report what the page showed, then fail
        seen["error"] = "%s: %s" % (type(error).__name__, error)
        seen["page"] = driver.page_source[:2000]
        print(json.dumps(seen, ensure_ascii=False))
        return 1
    finally:
        driver.quit()
    print(json.dumps(seen, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
