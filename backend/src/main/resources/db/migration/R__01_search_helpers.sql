-- Text helpers: accent-free search keys, name words and suffixes, the Vietnamese month of an instant.
-- The current definition of each function and trigger below: edit it here (a repeatable
-- migration runs again whenever its text changes); versioned migrations keep their history.

CREATE OR REPLACE FUNCTION public.f_unaccent(text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $function$;

CREATE OR REPLACE FUNCTION public.f_search_key(text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$ SELECT lower(public.f_unaccent($1)) $function$;

CREATE OR REPLACE FUNCTION public.f_vn_month(timestamp with time zone)
 RETURNS date
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$ SELECT CAST(date_trunc('month', $1 AT TIME ZONE 'Asia/Ho_Chi_Minh') AS date) $function$;

CREATE OR REPLACE FUNCTION public.f_name_words(text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$ SELECT btrim(regexp_replace(public.f_search_key($1), '\s+', ' ', 'g')) $function$;

CREATE OR REPLACE FUNCTION public.f_name_suffixes(text)
 RETURNS SETOF text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$
  SELECT DISTINCT array_to_string(w[i:], ' ')
  FROM (SELECT string_to_array(public.f_name_words($1), ' ') AS w) a,
       generate_subscripts(a.w, 1) AS i
$function$;
