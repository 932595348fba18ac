-- wrk script for the review desk's draft saves: PUT /api/reviews/<id> with one score that changes
-- on every request, as a signed-in reviewer (cookie, CSRF token and Origin from the environment).
local cookie, csrf, origin = os.getenv("DESK_COOKIE"), os.getenv("DESK_CSRF"), os.getenv("DESK_ORIGIN")
local submission, criterion = os.getenv("DESK_SUBMISSION"), os.getenv("DESK_CRITERION")
local low, high = tonumber(os.getenv("DESK_MIN")), tonumber(os.getenv("DESK_MAX"))
local n = 0

request = function()
  n = n + 1
  local value = low + (n % math.floor((high - low) * 4)) * 0.25
  local body = string.format('{"scores":{"%s":%.2f}}', criterion, value)
  return wrk.format("PUT", "/api/reviews/" .. submission, {
    ["Cookie"] = cookie, ["X-CSRF-Token"] = csrf, ["Origin"] = origin,
    ["Content-Type"] = "application/json"}, body)
end
